import { IsInt, Max, Min } from 'class-validator';

/** Settings of data corrections (校核纠错), read from the environment at boot. */
export class CorrectionConfig {
  /** Working days the source department has to answer a report, the report day not counted. */
  @IsInt()
  @Min(1)
  @Max(60)
  DATA_CORRECTION_WORKING_DAYS = 5;
}
