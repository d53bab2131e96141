import type { HandlerTable } from '../../ipc/handler-table.js';
import type { AppContext } from '../create-app.js';

type SessionChannels = 'session:status' | 'session:signIn' | 'session:signInLocalSandbox' | 'session:signOut';

export const sessionHandlers = (ctx: AppContext): Pick<HandlerTable, SessionChannels> => ({
  'session:status': () => ctx.session.status(),
  'session:signIn': (input) => ctx.session.signIn(input),
  'session:signInLocalSandbox': () => ctx.session.signInLocalSandbox(),
  'session:signOut': ({ forgetPassword }) => ctx.session.signOut(forgetPassword),
});
