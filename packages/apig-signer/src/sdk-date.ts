const SDK_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** UTC `YYYYMMDDTHHMMSSZ`, the value of the `X-Sdk-Date` header. */
export function formatSdkDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

export function parseSdkDate(s: string): Date | undefined {
  const m = SDK_DATE.exec(s);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const d = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC silently rolls over out-of-range fields (month 13, Feb 30); reject instead.
  return formatSdkDate(d) === s ? d : undefined;
}
