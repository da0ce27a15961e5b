/**
 * The countries whose public holidays date-holidays knows (ISO 3166-1 alpha-2 codes, as its
 * `getCountries()` lists them): those a board file may name as `board.country` (R10: the date
 * poll keeps away from the country's days off, date-proposals.ts).
 *
 * A copy, so that the board file is checked at start without loading date-holidays (the rules
 * of every country, some 20 MB: issue 12; it is loaded at the first question about days off).
 * test/unit/config/board.test.ts checks that it is exactly the installed date-holidays' list,
 * so an upgrade that adds or drops a country fails there until this list follows it.
 */
export const HOLIDAY_COUNTRIES: ReadonlySet<string> = new Set([
  'AD', 'AE', 'AG', 'AI', 'AL', 'AM', 'AO', 'AR', 'AS', 'AT', 'AU', 'AW', 'AX', 'AZ', 'BA', 'BB', 'BD', 'BE', 'BF', 'BG',
  'BH', 'BI', 'BJ', 'BL', 'BM', 'BN', 'BO', 'BQ', 'BR', 'BS', 'BW', 'BY', 'BZ', 'CA', 'CC', 'CD', 'CF', 'CG', 'CH', 'CI',
  'CK', 'CL', 'CM', 'CN', 'CO', 'CR', 'CU', 'CV', 'CW', 'CX', 'CY', 'CZ', 'DE', 'DJ', 'DK', 'DM', 'DO', 'DZ', 'EC', 'EE',
  'EG', 'EH', 'ER', 'ES', 'ET', 'FI', 'FJ', 'FO', 'FR', 'GA', 'GB', 'GD', 'GE', 'GF', 'GG', 'GH', 'GI', 'GL', 'GM', 'GN',
  'GP', 'GQ', 'GR', 'GT', 'GU', 'GW', 'GY', 'HK', 'HN', 'HR', 'HT', 'HU', 'IC', 'ID', 'IE', 'IL', 'IM', 'IN', 'IR', 'IS',
  'IT', 'JE', 'JM', 'JP', 'KE', 'KM', 'KN', 'KR', 'KY', 'KZ', 'LC', 'LI', 'LK', 'LR', 'LS', 'LT', 'LU', 'LV', 'LY', 'MA',
  'MC', 'MD', 'ME', 'MF', 'MG', 'MK', 'ML', 'MQ', 'MR', 'MS', 'MT', 'MU', 'MW', 'MX', 'MY', 'MZ', 'NA', 'NC', 'NE', 'NF',
  'NG', 'NI', 'NL', 'NO', 'NZ', 'PA', 'PE', 'PF', 'PH', 'PK', 'PL', 'PM', 'PR', 'PT', 'PY', 'RE', 'RO', 'RS', 'RU', 'RW',
  'SA', 'SC', 'SD', 'SE', 'SG', 'SH', 'SI', 'SJ', 'SK', 'SL', 'SM', 'SN', 'SO', 'SR', 'SS', 'ST', 'SV', 'SX', 'SZ', 'TC',
  'TD', 'TG', 'TH', 'TN', 'TO', 'TR', 'TT', 'TW', 'TZ', 'UA', 'UG', 'US', 'UY', 'UZ', 'VA', 'VC', 'VE', 'VG', 'VI', 'VN',
  'VU', 'WF', 'XK', 'YT', 'ZA', 'ZM', 'ZW',
]);

/** Whether `code` (in capitals) is a country date-holidays knows. */
export function isHolidayCountry(code: string): boolean {
  return HOLIDAY_COUNTRIES.has(code);
}
