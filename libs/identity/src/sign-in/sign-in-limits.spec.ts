import { networkOf } from './sign-in-limits.js';

describe('networkOf', () => {
  it('keeps an IPv4 address, also when it arrives IPv4-mapped', () => {
    expect(networkOf('203.0.113.7')).toBe('203.0.113.7');
    expect(networkOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts an IPv6 client by its /64, which one subscriber usually holds whole', () => {
    expect(networkOf('2001:db8:85a3:0042:1000:8a2e:0370:7334')).toBe('2001:db8:85a3:42::/64');
    expect(networkOf('2001:db8:85a3:42::1')).toBe('2001:db8:85a3:42::/64');
    expect(networkOf('2001:DB8::1')).toBe('2001:db8:0:0::/64');
    expect(networkOf('::1')).toBe('0:0:0:0::/64');
  });
});
