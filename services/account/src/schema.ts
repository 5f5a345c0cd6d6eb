import { accountsTableCql } from '@faultline/bank-model';
import { ledgerSchema } from '@faultline/ledger-model';

/** The account service's tables (`{ks}` = keyspace; applied by @faultline/storage's migrate). */
export const accountSchema: readonly string[] = [
  // Users by lower-cased name: the LWT insert on this key is what makes names unique.
  `CREATE TABLE IF NOT EXISTS {ks}.users (
    name_key text PRIMARY KEY,
    user_id text,
    name text,
    created_at timestamp
  )`,
  accountsTableCql,
  `CREATE TABLE IF NOT EXISTS {ks}.accounts_by_user (
    user_id text,
    account_id text,
    name text,
    created_at timestamp,
    PRIMARY KEY ((user_id), account_id)
  )`,
  // The one account a user gets a gift for, claimed with IF NOT EXISTS: two concurrent
  // "open my first account" requests cannot both be funded from the treasury.
  `CREATE TABLE IF NOT EXISTS {ks}.first_accounts (
    user_id text PRIMARY KEY,
    account_id text
  )`,
  // The transaction service's ledger, read here for balances and history: created from its
  // own definition (never written here) so the services can start in any order.
  ...ledgerSchema,
];
