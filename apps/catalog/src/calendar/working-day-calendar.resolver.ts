import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role, type Principal } from '@hub/auth';
import { AnyCaller, Caller, InputError, Roles } from '@hub/subgraph';
import { calendarCoverage, statutoryHolidays, type OfficialYear } from '@hub/working-days';
import { WorkingDayCalendarStore } from './working-day-calendar.store.js';
import {
  CalendarYearSource,
  EnterWorkingDayNoticeInput,
  OfficialCalendarYear,
  StatutoryHoliday,
  WorkingDayCalendarCoverage,
  WorkingDayNotice,
} from './working-day-calendar.model.js';
import { WorkingDayNoticeService } from './working-day-notice.service.js';

@Resolver()
export class WorkingDayCalendarResolver {
  constructor(
    private readonly calendars: WorkingDayCalendarStore,
    private readonly notices: WorkingDayNoticeService,
  ) {}

  @AnyCaller()
  @Query(() => WorkingDayCalendarCoverage, {
    description: 'Which years deadlines are counted with official lists, and from when they are provisional',
  })
  async workingDayCalendar(): Promise<WorkingDayCalendarCoverage> {
    const coverage = calendarCoverage(await this.calendars.current(), new Date());
    return { ...coverage, officialYears: coverage.officialYears.map(toOfficialYear) };
  }

  @AnyCaller()
  @Query(() => [WorkingDayNotice], {
    description: 'The notices entered, every version, newest first; of one year when asked',
  })
  workingDayNotices(@Args('year', { type: () => Int, nullable: true }) year?: number): Promise<WorkingDayNotice[]> {
    return this.notices.list(year ?? undefined);
  }

  @AnyCaller()
  @Query(() => [StatutoryHoliday], {
    description:
      'The statutory holidays of a year (2008–2100), what a year without its notice counts (weekdays among them are days off)',
  })
  statutoryHolidays(@Args('year', { type: () => Int }) year: number): StatutoryHoliday[] {
    if (year < 2008 || year > 2100)
      throw new InputError([{ field: 'year', code: 'YEAR_INVALID', message: 'the year is one from 2008 to 2100' }]);
    return [...statutoryHolidays(year)];
  }

  @Roles(Role.ADMIN)
  @Mutation(() => WorkingDayNotice, {
    description:
      "Enters a year's holiday arrangement from the State Council's notice (or a corrected version, with a reason): checked against the law, in force at once; deadlines already given that count a day of the year are counted again",
  })
  enterWorkingDayNotice(
    @Args('input') input: EnterWorkingDayNoticeInput,
    @Caller() caller: Principal,
  ): Promise<WorkingDayNotice> {
    return this.notices.enter(input, caller);
  }
}

function toOfficialYear(y: OfficialYear): OfficialCalendarYear {
  return {
    year: y.year,
    from: y.from === 'file' ? CalendarYearSource.FILE : CalendarYearSource.NOTICE,
    source: y.source ?? null,
    version: y.version ?? null,
  };
}
