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
          if (typeof args?.value !== 'string') return 'INVALID_TYPE: a resource code is a string, e.g. 101001001/000001';
          const parsed = parseResourceCode(args.value);
          return parsed.ok ? 'INVALID_VALUE: invalid' : `${parsed.code}: ${parsed.segment}: ${parsed.message}`;
        },
      },
    });
}
