import { Transform } from 'class-transformer';

/** Trims a string input; an empty optional string becomes null (cleared). */
export const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export const TrimToNull = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value));

export const UpperCase = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value.trim().toUpperCase()
      : Array.isArray(value)
        ? value.map((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v))
        : value,
  );

export const LowerCase = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));
