/** A coloured state word: up, down, COMPLETED, REJECTED ... */
export function StatePill({ state }: { state: string }) {
  return <span className={`pill pill-${state.toLowerCase()}`}>{state}</span>;
}
