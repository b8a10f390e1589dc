import { Currency } from './entities/enums.js';
import { fundingError } from './funding.errors.js';

/** Digits after the decimal point each currency allows (ISO 4217 minor units): FCFA has no centimes. */
export const MINOR_UNITS: Record<Currency, number> = {
  [Currency.XOF]: 0,
  [Currency.EUR]: 2,
  [Currency.USD]: 2,
};

/**
 * The largest grant accepted, in any currency: below the column's numeric(14,2) bound, and far beyond any real
 * grant (a thousand billion). Every amount under it with two decimals survives a round trip through a GraphQL Float.
 */
export const MAX_AMOUNT = 999_999_999_999;

/** Digits after the decimal point in the shortest decimal writing of a number (the one the client typed). */
function decimalsOf(amount: number): number {
  const [mantissa, exponent] = String(amount).toLowerCase().split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent ?? 0));
}

/** Refuses an amount that is not a positive, finite, reasonable sum with at most the currency's minor units. */
export function checkAmount(amount: number, currency: Currency): void {
  if (!Number.isFinite(amount) || amount <= 0)
    throw fundingError('AMOUNT_NOT_POSITIVE', `The amount must be a number above zero, not ${amount}`, { currency });
  if (amount > MAX_AMOUNT)
    throw fundingError('AMOUNT_TOO_LARGE', `The amount ${amount} ${currency} is above the largest grant accepted (${MAX_AMOUNT})`, {
      currency,
      max: MAX_AMOUNT,
    });
  const allowed = MINOR_UNITS[currency];
  if (decimalsOf(amount) > allowed) {
    const rule =
      allowed === 0 ? `${currency} has no minor unit: amounts are whole numbers` : `${currency} amounts have at most ${allowed} decimals`;
    throw fundingError('AMOUNT_PRECISION', `${amount} ${currency} is refused: ${rule}`, { currency, decimals: allowed });
  }
}

/**
 * An exact decimal (as PostgreSQL writes a numeric, "60000.00") written with the currency's minor units:
 * "12500000" for XOF, "60000.00" for EUR. Never rounds: digits beyond the minor units are kept if not zero.
 */
export function amountText(decimal: string, currency: Currency): string {
  const negative = decimal.startsWith('-');
  const [whole, fraction = ''] = (negative ? decimal.slice(1) : decimal).split('.');
  const allowed = MINOR_UNITS[currency];
  const digits = fraction.padEnd(allowed, '0');
  const kept = digits.slice(0, allowed) + digits.slice(allowed).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${kept ? `.${kept}` : ''}`;
}

/** The exact decimal a stored amount stands for: numeric(14,2) values are exact in a double to the cent. */
export function numberAsDecimal(amount: number): string {
  return amount.toFixed(2);
}
