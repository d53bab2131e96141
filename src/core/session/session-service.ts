import type { SessionStatus, SignInInput } from '../../shared/domain/session.js';
import { localSandboxProblem, policyServerProblem } from '../../shared/domain/policy.js';
import { serverUrlProblem } from '../../shared/domain/server-url.js';
import { deskScopeOf, type DeskScope } from '../../shared/domain/desk-scope.js';
import { AppFailure } from '../errors/app-failure.js';
import type { EventSink } from '../ipc/handler-table.js';
import type { LocalSandboxLauncher } from '../app/local-sandbox.js';
import { auditErrorCode } from '../audit/audit-error-code.js';
import type { AuditRecorder } from '../audit/audit-log.js';
import type { OzClient } from '../oz/index.js';
import { secretAccounts, type SecretStore } from '../secrets/secret-store.js';
import type { SettingsStore } from '../settings/settings-store.js';
import type { OzConnection, OzConnector } from './oz-connector.js';

interface SignedIn {
  readonly connection: OzConnection;
  readonly serverUrl: string;
  readonly email: string;
  readonly isLocalSandbox: boolean;
  readonly remembered: boolean;
}

export interface SessionServiceDeps {
  readonly settings: SettingsStore;
  readonly secrets: SecretStore;
  readonly emit: EventSink;
  readonly connect: OzConnector;
  readonly localSandbox?: LocalSandboxLauncher;
  /** Sign-ins (also refused ones) and sign-outs go to the audit log when given. */
  readonly audit?: AuditRecorder;
}

/**
 * Who is signed in, to which server. The password goes to the keychain only when the
 * operator asks to be remembered; tokens stay inside the connection, in memory.
 */
export class SessionService {
  private current: SignedIn | null = null;
  private last: DeskScope | null = null;
  private listeners = new Set<(status: SessionStatus) => void>();

  constructor(private readonly deps: SessionServiceDeps) {}

  status(): SessionStatus {
    const s = this.current;
    if (!s) {
      const settings = this.deps.settings.get();
      return { state: 'signedOut', rememberedEmail: settings.rememberedEmail, serverUrl: settings.serverUrl };
    }
    return { state: 'signedIn', serverUrl: s.serverUrl, email: s.email, isLocalSandbox: s.isLocalSandbox, remembered: s.remembered };
  }

  /** The server and account signed in, or null. */
  scope(): DeskScope | null {
    const s = this.current;
    return s === null ? null : deskScopeOf(s.serverUrl, s.email, s.isLocalSandbox);
  }

  /**
   * The scope desk data is made for and shown under: the signed-in one, else the last one
   * signed in (this run, or the one the settings remember), else null.
   */
  lastScope(): DeskScope | null {
    const now = this.scope();
    if (now !== null) return now;
    if (this.last !== null) return this.last;
    const { serverUrl, rememberedEmail } = this.deps.settings.get();
    return serverUrl !== null && rememberedEmail !== null ? deskScopeOf(serverUrl, rememberedEmail) : null;
  }

  /** The signed-in client, or a NOT_SIGNED_IN failure for the operator. */
  requireClient(): OzClient {
    if (!this.current) throw new AppFailure('NOT_SIGNED_IN', 'Sign in first.');
    return this.current.connection.client;
  }

  /** Lets other services react to sign-in and sign-out (e.g. the sync worker). */
  onChange(listener: (status: SessionStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async signIn(input: SignInInput): Promise<SessionStatus> {
    const problem = serverUrlProblem(input.serverUrl);
    if (problem) throw new AppFailure('BAD_INPUT', problem, { field: 'serverUrl' });
    const { policy, file } = this.deps.settings.policy;
    // Refused before any request: the credentials never reach a server IT did not allow.
    const refused = policyServerProblem(policy, input.serverUrl, file);
    if (refused) throw new AppFailure('FORBIDDEN', refused, { field: 'serverUrl', policy: file });
    const serverUrl = input.serverUrl.replace(/\/+$/, '');
    const connection = await this.connectAudited({ serverUrl, email: input.email, password: input.password });
    const { secrets, settings } = this.deps;
    const account = secretAccounts.password(serverUrl, input.email);
    if (input.remember) {
      await secrets.set(account, input.password);
      settings.update({ serverUrl, rememberedEmail: input.email, useLocalSandbox: false });
    } else {
      await secrets.delete(account);
      settings.update({ serverUrl, rememberedEmail: null, useLocalSandbox: false });
    }
    const status = this.become({ connection, serverUrl, email: input.email, isLocalSandbox: false, remembered: input.remember });
    this.deps.audit?.record({ action: 'signIn', outcome: 'done' });
    return status;
  }

  async signInLocalSandbox(): Promise<SessionStatus> {
    const launcher = this.deps.localSandbox;
    if (!launcher) throw new AppFailure('CONFIG', 'The local training sandbox is not available in this build.');
    const { policy, file } = this.deps.settings.policy;
    const refused = localSandboxProblem(policy, file);
    if (refused !== null) throw new AppFailure('FORBIDDEN', refused);
    const { url, email, password } = await launcher.start();
    const connection = await this.connectAudited({ serverUrl: url, email, password });
    this.deps.settings.update({ useLocalSandbox: true });
    const status = this.become({ connection, serverUrl: url, email, isLocalSandbox: true, remembered: true });
    this.deps.audit?.record({ action: 'signIn', outcome: 'done' });
    return status;
  }

  async signOut(forgetPassword: boolean): Promise<SessionStatus> {
    const s = this.current;
    if (s && forgetPassword && !s.isLocalSandbox) {
      await this.deps.secrets.delete(secretAccounts.password(s.serverUrl, s.email));
      this.deps.settings.update({ rememberedEmail: null });
    }
    if (s?.isLocalSandbox) this.deps.settings.update({ useLocalSandbox: false });
    // Recorded while still signed in, so the entry names who signed out.
    if (s) this.deps.audit?.record({ action: 'signOut', outcome: 'done' });
    return this.become(null);
  }

  /** At start: sign in again silently with what the operator asked the desk to remember. */
  async restore(): Promise<SessionStatus> {
    const settings = this.deps.settings.get();
    try {
      if (settings.useLocalSandbox && this.deps.localSandbox) return await this.signInLocalSandbox();
      if (settings.serverUrl && settings.rememberedEmail) {
        const password = await this.deps.secrets.get(secretAccounts.password(settings.serverUrl, settings.rememberedEmail));
        if (password) {
          const connection = await this.deps.connect({ serverUrl: settings.serverUrl, email: settings.rememberedEmail, password });
          const status = this.become({ connection, serverUrl: settings.serverUrl, email: settings.rememberedEmail, isLocalSandbox: false, remembered: true });
          this.deps.audit?.record({ action: 'sessionRestored', outcome: 'done' });
          return status;
        }
      }
    } catch {
      // A failed silent sign-in leaves the desk signed out; the sign-in screen says why when the operator tries.
    }
    return this.status();
  }

  async dispose(): Promise<void> {
    this.current?.connection.close();
    this.current = null;
    await this.deps.localSandbox?.stop();
  }

  /** A refused sign-in is recorded under the account that was tried. */
  private async connectAudited(credentials: { serverUrl: string; email: string; password: string }): Promise<OzConnection> {
    try {
      return await this.deps.connect(credentials);
    } catch (err) {
      this.deps.audit?.record({ action: 'signIn', outcome: 'failed', errorCode: auditErrorCode(err), operator: credentials.email });
      throw err;
    }
  }

  private become(next: SignedIn | null): SessionStatus {
    this.last = this.scope() ?? this.last;
    this.current?.connection.close();
    this.current = next;
    const status = this.status();
    this.deps.emit('session:changed', status);
    for (const listener of this.listeners) listener(status);
    return status;
  }
}
