/**
 * Every public URL open data publishes, in one place. `base` is the configured public URL
 * (config().publicUrl, passed down by the routes), never the request's Host header; "" gives a path.
 */

/** A resource's CSV in the datapackage (a relative name inside the zip when there is no base). */
export function resourceCsvUrl(base: string | undefined, resource: string): string {
  return base ? `${base}/api/v1/${resource}.csv` : `${resource}.csv`;
}

/** An annual report form of a programme (served as a path relative to the API's host). */
export function annualReportPath(programmeId: number, year: number, form: string): string {
  return `/api/v1/programmes/${programmeId}/annual/${year}/${form}`;
}

/** The public page of a community's programme for a period. */
export function publicProgrammeUrl(base: string, katottg: string, from: number, to: number): string {
  return `${base}/api/public/programmes/${encodeURIComponent(katottg)}/${from}-${to}`;
}
