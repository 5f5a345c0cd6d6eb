import { useSyncExternalStore } from 'react';

/** The logged-in user, kept in localStorage so a reload stays logged in. */
export interface Session {
  token: string;
  userId: string;
  name: string;
}

const KEY = 'faultline.session';
const listeners = new Set<() => void>();
let cached: Session | null | undefined;

function read(): Session | null {
  if (cached !== undefined) return cached;
  try {
    const raw = localStorage.getItem(KEY);
    const v: unknown = raw ? JSON.parse(raw) : null;
    cached =
      v && typeof v === 'object' && 'token' in v && 'userId' in v && 'name' in v
        ? (v as Session)
        : null;
  } catch {
    cached = null;
  }
  return cached;
}

export function setSession(s: Session | null): void {
  cached = s;
  if (s) {
    localStorage.setItem(KEY, JSON.stringify(s));
    localStorage.setItem('faultline.name', s.name);
  } else {
    localStorage.removeItem(KEY);
  }
  for (const l of listeners) l();
}

export function useSession(): Session | null {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, read);
}
