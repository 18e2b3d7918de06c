import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "./api/client";

/** No retry for answers the server meant (4xx); one for network trouble and 5xx. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 1,
      refetchOnWindowFocus: false,
      staleTime: 2_000,
    },
  },
});
