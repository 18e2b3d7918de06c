/** Loads one GET resource for a page, with a reload and a way to replace the data locally. */
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, api } from "./api";

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  reload: () => void;
  setData: (data: T) => void;
}

/** `path` null: nothing to load (yet). */
export function useLoad<T>(path: string | null): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const generation = useRef(0);

  const load = useCallback(() => {
    const mine = ++generation.current;
    if (path === null) return;
    setError(null);
    api.get<T>(path).then(
      (answer) => {
        if (generation.current === mine) setData(answer);
      },
      (failure: unknown) => {
        if (generation.current !== mine) return;
        setError(
          failure instanceof ApiError ? failure : new ApiError(0, "bad_response", "", {}, {}),
        );
      },
    );
  }, [path]);

  useEffect(() => {
    load();
    return () => {
      generation.current++;
    };
  }, [load]);

  return { data, error, reload: load, setData };
}
