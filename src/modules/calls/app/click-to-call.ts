/**
 * The click-to-call adapter: a dialer (a PBX, VICIdial's agent API, a cloud
 * telephony service) rings the agent's extension and then the debtor. Saldo
 * only asks; the call itself never passes through Saldo.
 */
export interface ClickToCallRequest {
  agentExtension: string;
  phone: string;
  caseReference: string;
  taskId: string;
}

export interface ClickToCall {
  placeCall(request: ClickToCallRequest): Promise<void>;
}

/**
 * A JSON POST to a gateway the operator runs (e.g. an Asterisk AMI/ARI
 * "originate" bridge). Bearer token optional; 10 s timeout; any non-2xx is an error.
 */
export function httpClickToCall(url: string, token?: string): ClickToCall {
  return {
    async placeCall(request) {
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(request),
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new Error(`click-to-call gateway answered ${response.status}`);
    },
  };
}

export function clickToCallFromEnv(env: NodeJS.ProcessEnv): ClickToCall | null {
  const url = env.SALDO_CLICK_TO_CALL_URL;
  return url ? httpClickToCall(url, env.SALDO_CLICK_TO_CALL_TOKEN) : null;
}
