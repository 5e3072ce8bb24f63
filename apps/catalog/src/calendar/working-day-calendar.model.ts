import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsDay } from '@hub/subgraph';
import { IN_CATALOG_SCHEMA } from '../catalog.graphql-scope.js';

export enum CalendarYearSource {
  FILE = 'FILE',
  NOTICE = 'NOTICE',
}
registerEnumType(CalendarYearSource, {
  name: 'CalendarYearSource',
  valuesMap: {
    FILE: { description: 'The calendar file the catalog started with (WORKING_DAY_CALENDAR)' },
    NOTICE: { description: 'A notice an admin entered (enterWorkingDayNotice)' },
  },
});

@ObjectType({
  ...IN_CATALOG_SCHEMA,
  description: 'A year whose holidays and make-up working days are official (from the State Council notice)',
})
export class OfficialCalendarYear {
  @Field(() => Int)
  year: number;

  @Field(() => CalendarYearSource)
  from: CalendarYearSource;

  @Field(() => String, { nullable: true, description: 'NOTICE: the notice, as entered' })
  source: string | null;

  @Field(() => Int, { nullable: true, description: 'NOTICE: the version in force' })
  version: number | null;
}

@ObjectType({
  ...IN_CATALOG_SCHEMA,
  description: 'Which years deadlines are counted with official lists, and from when they are provisional',
})
export class WorkingDayCalendarCoverage {
  @Field(() => [OfficialCalendarYear])
  officialYears: OfficialCalendarYear[];

  @Field(() => String, {
    nullable: true,
    description:
      'The last day of the official years that run on from the current one (CST); null when the current year is not official',
  })
  officialUntil: string | null;

  @Field(() => Int, {
    description: 'The first year counted with its statutory holidays only: deadlines reaching into it are provisional',
  })
  firstProvisionalYear: number;

  @Field(() => String, { nullable: true, description: 'Set from 60 days before officialUntil: what to enter' })
  warning: string | null;
}

@ObjectType({ ...IN_CATALOG_SCHEMA, description: 'A public holiday the law fixes (全国年节及纪念日放假办法 第二条)' })
export class StatutoryHoliday {
  @Field({ description: 'YYYY-MM-DD' })
  day: string;

  @Field({ description: 'e.g. 春节（除夕）' })
  name: string;
}

@ObjectType({
  ...IN_CATALOG_SCHEMA,
  description:
    "A year's holiday arrangement from the State Council's notice (部分节假日安排的通知), as an admin entered it",
})
export class WorkingDayNotice {
  @Field(() => Int)
  year: number;

  @Field(() => Int, { description: '1 when first entered; the latest version of a year is in force' })
  version: number;

  @Field(() => [String], { description: 'Monday–Friday days off, YYYY-MM-DD' })
  holidays: string[];

  @Field(() => [String], { description: 'Weekend days worked (调休上班), YYYY-MM-DD' })
  workdays: string[];

  @Field({ description: 'The notice: its title and number' })
  source: string;

  @Field(() => String, { nullable: true })
  publishedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Why this version (from the second on)' })
  reason: string | null;

  @Field({ description: 'The admin confirmed a total of days off other than the statutory one' })
  unusualTotal: boolean;

  @Field(() => Int, { description: "How many sharing applications' deadlines this version moved or made official" })
  deadlinesChanged: number;

  @Field({ description: 'Key id of the admin' })
  enteredBy: string;

  @Field()
  enteredAt: Date;
}

@InputType({ ...IN_CATALOG_SCHEMA })
export class EnterWorkingDayNoticeInput {
  @Field(() => Int)
  @IsInt()
  year: number;

  @Field(() => [String], {
    description:
      'Every Monday–Friday day off of the year (and of the December before, for New Year bridging), YYYY-MM-DD: the statutory days, their make-up days (补休) and bridging days',
  })
  @IsArray()
  @ArrayMaxSize(60)
  @IsString({ each: true })
  @MaxLength(10, { each: true })
  holidays: string[];

  @Field(() => [String], { description: 'Every weekend day worked (调休上班), YYYY-MM-DD' })
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(10, { each: true })
  workdays: string[];

  @Field({
    description:
      'The notice: its title and number, e.g. 国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕X号）',
  })
  @IsString()
  @MaxLength(500)
  source: string;

  @Field(() => String, { nullable: true, description: 'The day the notice was issued' })
  @IsOptional()
  @IsDay()
  publishedOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Required when the year was entered before: what changed (an amending notice, a typo)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string | null;

  @Field({
    defaultValue: false,
    description: 'Take a notice whose days off less days worked differ from the statutory total (a one-off holiday)',
  })
  @IsBoolean()
  unusualTotalConfirmed: boolean;
}
