/**
 * The supervisor's view of one creditor: live queues and agents (every 5 s), the call
 * report with its CSV, what the contact policy stopped, and assigning a case.
 */
import { Alert, Center, Loader, NativeSelect, Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../api/endpoints";
import { ApiErrorAlert } from "../../components/api-error";
import { PageTitle } from "../../components/page-title";
import { useI18n } from "../../i18n/context";
import { BlocksSection } from "./blocks-section";
import { CallReport } from "./call-report";
import { LiveSection } from "./live-section";
import { ReassignSection } from "./reassign-section";

const TENANT_KEY = "saldo.staff.tenant";

export function SupervisorPage() {
  const { t } = useI18n();
  const tenants = useQuery({ queryKey: ["tenants"], queryFn: api.tenants, staleTime: 300_000 });
  const [chosen, setChosen] = useState(() => localStorage.getItem(TENANT_KEY) ?? "");
  const items = tenants.data?.items ?? [];
  const tenant = items.find((x) => x.id === chosen) ?? items[0];

  return (
    <Stack gap="md">
      <PageTitle>{t.supervisor.title}</PageTitle>
      {tenants.isPending ? (
        <Center py="xl">
          <Loader aria-label={t.common.loading} />
        </Center>
      ) : tenants.isError ? (
        <ApiErrorAlert error={tenants.error} />
      ) : !tenant ? (
        <Alert color="yellow">{t.agent.noTenant}</Alert>
      ) : (
        <>
          <NativeSelect
            id="tenant"
            label={t.supervisor.tenant}
            maw={360}
            value={tenant.id}
            onChange={(event) => {
              const id = event.currentTarget.value;
              localStorage.setItem(TENANT_KEY, id);
              setChosen(id);
            }}
            data={items.map((x) => ({ value: x.id, label: x.name }))}
          />
          <LiveSection key={`live-${tenant.id}`} tenant={tenant} />
          <CallReport key={`report-${tenant.id}`} tenant={tenant} />
          <BlocksSection key={`blocks-${tenant.id}`} tenant={tenant} />
          <ReassignSection key={`assign-${tenant.id}`} tenant={tenant} />
        </>
      )}
    </Stack>
  );
}
