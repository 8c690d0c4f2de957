import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dvc/shared/config';
import { SignerRegistry, loadTrustStore } from './signer-registry';

/** Nest token of the trust anchors (PEM strings / DER buffers) used to verify signed uploads. */
export const SIGNATURE_TRUST_STORE = Symbol('SIGNATURE_TRUST_STORE');

/**
 * Provides the SignerRegistry (from SIGNING_MODE / SIGNING_AGENCIES …) and the trust store
 * (SIGNING_TRUST_STORE) to the API and the worker. Needs AppConfigModule (global).
 */
@Module({
  providers: [
    { provide: SignerRegistry, inject: [APP_CONFIG], useFactory: (c: AppConfig) => SignerRegistry.fromSettings(c) },
    {
      provide: SIGNATURE_TRUST_STORE,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => (c.SIGNING_TRUST_STORE ? loadTrustStore(c.SIGNING_TRUST_STORE) : []),
    },
  ],
  exports: [SignerRegistry, SIGNATURE_TRUST_STORE],
})
export class SignatureModule {}
