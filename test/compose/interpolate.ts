/**
 * Compose-style variable interpolation (the subset docker-compose.yml may use): `$$` is a
 * literal `$`; `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`,
 * `${VAR?error}`, `${VAR:+alt}` and `$VAR`. A variable that is used but not defined (and has
 * no default) is reported, not silently replaced by "" the way compose does with a warning.
 */
export function interpolate(
  text: string,
  vars: Readonly<Record<string, string>>,
  missing: Set<string>,
): string {
  const pattern =
    /\$(?:(\$)|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;
  return text.replace(
    pattern,
    (_m, dollar: string | undefined, braced?: string, op?: string, arg?: string, bare?: string) => {
      if (dollar) return '$';
      const name = (braced ?? bare) as string;
      const value = vars[name];
      const set = value !== undefined;
      const nonEmpty = set && value !== '';
      switch (op) {
        case ':-':
          return nonEmpty ? value : (arg ?? '');
        case '-':
          return set ? value : (arg ?? '');
        case ':+':
          return nonEmpty ? (arg ?? '') : '';
        case '+':
          return set ? (arg ?? '') : '';
        case ':?':
        case '?':
          if (op === ':?' ? !nonEmpty : !set) missing.add(name);
          return value ?? '';
        default:
          if (!set) missing.add(name);
          return value ?? '';
      }
    },
  );
}

/** Interpolates every string value (not keys) of a parsed compose document. */
export function interpolateDeep<T>(
  value: T,
  vars: Readonly<Record<string, string>>,
  missing: Set<string>,
): T {
  if (typeof value === 'string') return interpolate(value, vars, missing) as T;
  if (Array.isArray(value))
    return value.map((v: unknown) => interpolateDeep(v, vars, missing)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, interpolateDeep(v, vars, missing)]),
    ) as T;
  }
  return value;
}

/** KEY=VALUE lines of an env file; `#` starts a comment line. */
export function parseDotEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq < 1) throw new Error(`.env: not KEY=VALUE: ${line}`);
    out[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return out;
}
