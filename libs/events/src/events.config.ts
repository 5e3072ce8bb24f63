import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/** Event settings every app reads. Without KAFKA_BROKERS events stay in the process (in-process transport). */
export class EventsConfig {
  @IsOptional()
  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'KAFKA_BROKERS must be a comma-separated list of host:port' })
  KAFKA_BROKERS?: string = undefined;

  /** Prefixed to every topic name; lets environments or test runs share one Kafka cluster. */
  @IsString()
  @Matches(/^[A-Za-z0-9._-]*$/, { message: 'KAFKA_TOPIC_PREFIX may contain letters, digits, ".", "_" and "-"' })
  KAFKA_TOPIC_PREFIX = '';

  @IsInt()
  @Min(10)
  @Max(60_000)
  OUTBOX_POLL_INTERVAL_MS = 500;

  @IsInt()
  @Min(1)
  @Max(10_000)
  OUTBOX_BATCH_SIZE = 500;

  @IsInt()
  @Min(0)
  @Max(3650)
  OUTBOX_RETENTION_DAYS = 7;
}
