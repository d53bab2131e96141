/** Starts the embedded Oz sandbox ("Local sandbox (training)") and tells how to sign in to it. */
export interface LocalSandboxLauncher {
  start(): Promise<{ url: string; email: string; password: string }>;
  stop(): Promise<void>;
}
