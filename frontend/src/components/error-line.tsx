/** A refusal or failure, in one line under what caused it. */
export function ErrorLine({ error }: { error: string | undefined | null }) {
  return error ? (
    <div className="error" role="alert">
      {error}
    </div>
  ) : null;
}
