/**
 * An ILIKE pattern matching `text` anywhere, with `%`, `_` and `\` taken literally: a search is text people
 * typed, not a pattern ("50%" finds "50%", not everything that starts with 50).
 */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
