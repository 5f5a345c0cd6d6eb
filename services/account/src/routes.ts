import { accountRoutes as r } from '@faultline/api-contract';
import { authenticate, isAccountId, signSessionToken } from '@faultline/bank-model';
import { NotFoundError, ValidationError } from '@faultline/errors';
import { formatAmount } from '@faultline/money';
import { validate, type Express } from '@faultline/http';
import type { AccountDb } from './account-db';
import { readAccountList } from './account-list';
import { getAccount } from './account-store';
import { readBalance, readHistory, type BalanceCache } from './balances';
import { parseDisplayName } from './display-name';
import { openAccount, type OpenDeps } from './open-account';
import { findUserByName, loginUser, type User } from './user-store';

export interface RouteDeps extends OpenDeps {
  db: AccountDb;
  /** Balances by account id, version = ledger seq. */
  balances: BalanceCache;
  /** Account lists by user id, version = number of accounts. */
  lists: BalanceCache;
  onUserCreated(user: User): Promise<void>;
}

const HISTORY_LIMIT = 20;

export function addAccountRoutes(app: Express, deps: RouteDeps): void {
  const { db, balances, lists } = deps;
  const session = (header: string | undefined) =>
    authenticate(header, deps.sessionSecret, deps.clock?.now());
  const withBalance = async (a: { accountId: string; name: string; createdAt: string }) => {
    const b = await readBalance(db, balances, a.accountId);
    return {
      ...a,
      balance: formatAmount(b.balance),
      balanceMinor: b.balance.toString(),
      seq: b.seq.toString(),
    };
  };

  // No password: a sandbox. The name is the identity; the first login creates the user.
  app.post(r.login.path, async (req, res) => {
    validate(r.login.query, req.query);
    const name = parseDisplayName(validate(r.login.body, req.body).name, 'name');
    const { user, created } = await loginUser(db, name, deps.clock?.date());
    if (created) await deps.onUserCreated(user);
    const token = signSessionToken(user, deps.sessionSecret, { nowMs: deps.clock?.now() });
    res
      .status(created ? 201 : 200)
      .json({ token, user: { userId: user.userId, name: user.name }, created });
  });

  app.get(r.accounts.path, async (req, res) => {
    const claims = session(req.get('authorization'));
    validate(r.accounts.query, req.query);
    const accounts = await readAccountList(db, lists, claims.userId);
    res.json({ accounts: await Promise.all(accounts.map(withBalance)) });
  });

  app.post(r.openAccount.path, async (req, res) => {
    const claims = session(req.get('authorization'));
    validate(r.openAccount.query, req.query);
    const body = validate(r.openAccount.body, req.body);
    const opened = await openAccount(deps, claims, req.get('authorization') ?? '', body);
    const a = opened.account;
    res.status(opened.created ? 201 : 200).json({
      account: await withBalance({
        accountId: a.accountId,
        name: a.name,
        createdAt: a.createdAt.toISOString(),
      }),
      fundingPaymentId: opened.fundingPaymentId,
      fundingAmount: formatAmount(a.fundingAmount),
    });
  });

  app.get(r.account.path, async (req, res) => {
    const claims = session(req.get('authorization'));
    const { id } = validate(r.account.params, req.params);
    validate(r.account.query, req.query);
    if (!isAccountId(id))
      throw new ValidationError(`malformed account id "${id.slice(0, 64)}"`, {
        code: 'ACCOUNT_ID_MALFORMED',
      });
    const account = await getAccount(db, id);
    // Another user's account is answered like a missing one: its balance is nobody else's business.
    if (account === undefined || account.userId !== claims.userId)
      throw new NotFoundError(`no account ${id}`, { code: 'ACCOUNT_NOT_FOUND' });
    const [view, history] = await Promise.all([
      withBalance({
        accountId: id,
        name: account.name,
        createdAt: account.createdAt.toISOString(),
      }),
      readHistory(db, id, HISTORY_LIMIT),
    ]);
    res.json({ ...view, fundingPaymentId: account.fundingPaymentId, history });
  });

  // Another user's accounts, ids and names only: enough to pay them, nothing more.
  app.get(r.userAccounts.path, async (req, res) => {
    session(req.get('authorization'));
    const params = validate(r.userAccounts.params, req.params);
    validate(r.userAccounts.query, req.query);
    const name = parseDisplayName(params.name, 'user name');
    const user = await findUserByName(db, name);
    if (user === undefined) throw new NotFoundError(`no user ${name}`, { code: 'USER_NOT_FOUND' });
    const accounts = await readAccountList(db, lists, user.userId);
    res.json({
      user: { name: user.name },
      accounts: accounts.map((a) => ({ accountId: a.accountId, name: a.name })),
    });
  });
}
