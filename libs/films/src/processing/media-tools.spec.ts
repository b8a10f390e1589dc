import { renditionShortfall } from './media-tools.js';

describe('renditionShortfall', () => {
  it('accepts a preview as long as its film, give or take 5 % or a second', () => {
    expect(renditionShortfall(12, 12)).toBeNull();
    expect(renditionShortfall(12, 11.2)).toBeNull();
    expect(renditionShortfall(600, 571)).toBeNull();
  });

  it('refuses a preview cut short, saying how long each lasts', () => {
    expect(renditionShortfall(12, 3)).toBe('the preview lasts 3.0 s, the film 12.0 s');
    expect(renditionShortfall(600, 560)).toBe('the preview lasts 560.0 s, the film 600.0 s');
    expect(renditionShortfall(12, null)).toBe('the preview has no duration');
  });

  it('has nothing to compare when the source says no duration', () => {
    expect(renditionShortfall(null, 3)).toBeNull();
    expect(renditionShortfall(0, 3)).toBeNull();
  });
});
