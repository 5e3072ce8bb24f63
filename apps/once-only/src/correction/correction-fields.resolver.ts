import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { workingDaysLeft } from '@hub/working-days';
import { WorkingDayCalendarStore } from '../calendar/working-day-calendar.store.js';
import { DataCorrection } from './correction.model.js';

/**
 * Fields of a correction counted when asked: the working days left depend on today and on the
 * working-day calendar in force (the file and the notices entered since), which the deadline was
 * counted with too.
 */
@Resolver(() => DataCorrection)
export class CorrectionFieldsResolver {
  constructor(private readonly calendars: WorkingDayCalendarStore) {}

  @ResolveField(() => Int)
  async workingDaysLeft(@Parent() correction: DataCorrection): Promise<number> {
    return workingDaysLeft(correction.deadline, new Date(), await this.calendars.current());
  }
}
