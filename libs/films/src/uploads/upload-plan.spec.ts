import { partLength, planParts } from './upload-plan.js';

const MIB = 1024 * 1024;

describe('planParts', () => {
  it('uses 5 MiB parts while they keep the file within 10,000 parts', () => {
    expect(planParts(12 * MIB, 5 * MIB)).toEqual({ partSize: 5 * MIB, partCount: 3 });
    expect(planParts(1, 5 * MIB)).toEqual({ partSize: 5 * MIB, partCount: 1 });
    expect(planParts(4 * 1024 * MIB, 5 * MIB)).toEqual({ partSize: 5 * MIB, partCount: 820 });
  });

  it('grows the part size in whole MiB past 10,000 parts', () => {
    const size = 60 * 1024 * MIB; // 60 GiB
    const plan = planParts(size, 5 * MIB);
    expect(plan.partSize).toBe(7 * MIB);
    expect(plan.partCount).toBeLessThanOrEqual(10_000);
  });

  it('honours a larger minimum part size', () => {
    expect(planParts(100 * MIB, 16 * MIB)).toEqual({ partSize: 16 * MIB, partCount: 7 });
  });
});

describe('partLength', () => {
  it('gives every part the plan size and the last one the rest, to the byte', () => {
    const byteSize = 12 * MIB + 54;
    const { partSize, partCount } = planParts(byteSize, 5 * MIB);
    const lengths = Array.from({ length: partCount }, (_, i) => partLength(byteSize, partSize, i + 1));
    expect(lengths).toEqual([5 * MIB, 5 * MIB, 2 * MIB + 54]);
    expect(lengths.reduce((a, b) => a + b)).toBe(byteSize);
    expect(partLength(54, 5 * MIB, 1)).toBe(54);
    expect(partLength(10 * MIB, 5 * MIB, 2)).toBe(5 * MIB);
  });

  it('refuses a part number outside the plan', () => {
    expect(() => partLength(54, 5 * MIB, 2)).toThrow(RangeError);
    expect(() => partLength(54, 5 * MIB, 0)).toThrow(RangeError);
  });
});
