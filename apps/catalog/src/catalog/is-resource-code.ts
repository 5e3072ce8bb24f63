import { registerDecorator, type ValidationOptions } from 'class-validator';
import { parseResourceCode } from '@hub/policy';

/**
 * A resource code as the cataloguing guide writes it (libs/policy/src/resource-code.ts): refused
 * with the parse's own code (RESOURCE_CODE_FORMAT, _CATEGORY, _SUBJECT, _SEGMENT) and a message
 * that names the segment at fault (类, 项, 目, 细目, 分隔符, 顺序码), so a steward knows what to fix.
 */
export function IsResourceCode(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isResourceCode',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseResourceCode(value).ok,
        defaultMessage: (args) => {
          // With `each`, class-validator hands the whole list here: report its first bad code.
          const values: unknown[] = Array.isArray(args?.value) ? (args.value as unknown[]) : [args?.value];
          const index = values.findIndex((v) => typeof v !== 'string' || !parseResourceCode(v).ok);
          const value = values[Math.max(index, 0)];
          const where = Array.isArray(args?.value) ? `item ${index + 1}: ` : '';
          if (typeof value !== 'string')
            return `INVALID_TYPE: ${where}a resource code is a string, e.g. 101001001/000001`;
          const parsed = parseResourceCode(value);
          return parsed.ok ? 'INVALID_VALUE: invalid' : `${parsed.code}: ${where}${parsed.segment}: ${parsed.message}`;
        },
      },
    });
}
