import { HttpParams } from '@angular/common/http';

/** Query parameters without the empty ones, so `?q=&field=` never reaches the API. */
export function queryParams(values: object): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === '') continue;
    params = params.set(key, String(value));
  }
  return params;
}
