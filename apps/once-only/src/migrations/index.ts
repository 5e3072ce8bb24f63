// The once-only app's migrations, oldest first. `npm run migration:generate` appends here.
import { CreateOnceOnly1796522876047 } from './1796522876047-create-once-only.js';
import { WorkingDayCalendar1796641317200 } from './1796641317200-working-day-calendar.js';
import { OutboxTraceparent1796702400000 } from './1796702400000-outbox-traceparent.js';
// imports end

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ONCE_ONLY_MIGRATIONS: Function[] = [
  CreateOnceOnly1796522876047,
  WorkingDayCalendar1796641317200,
  OutboxTraceparent1796702400000,
  // list end
];
