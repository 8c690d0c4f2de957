import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  ApplicationConfig,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import {
  TitleStrategy,
  provideRouter,
  withComponentInputBinding,
  withInMemoryScrolling,
} from '@angular/router';
import { authInterceptor, provideApiClient } from '@dvc/channel/api-client';
import { routes } from './app.routes';
import { PortalTitleStrategy } from './portal-title-strategy';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(
      routes,
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'enabled' }),
    ),
    // XHR, not withFetch(): only XHR reports upload progress for attachments.
    provideHttpClient(withInterceptors([authInterceptor])),
    provideApiClient({ authKind: 'citizen' }),
    { provide: TitleStrategy, useClass: PortalTitleStrategy },
  ],
};
