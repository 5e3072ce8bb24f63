// Before a publish, change or retirement is sent: what it does to the grants on the resource
// (catalogChangeImpact), so a steward sees which systems lose which items before they do. The
// mutation runs only from this dialog's confirm button; its refusal (a version conflict, an unsound
// catalog) is shown here, in the steward's words, with its code.
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Modal, Spin, Table, Typography } from 'antd';
import { HubError, execute } from '../../api';
import { ErrorNotice } from '../../ErrorNotice';
import type { CatalogChangeImpactQuery, CatalogChangeKind, UpdateCatalogResourceInput } from '../../gql/graphql';
import { useT } from '../../i18n';
import { CatalogChangeImpactQuery as ImpactQuery } from './operations';

type GrantImpact = CatalogChangeImpactQuery['catalogChangeImpact']['grants'][number];

export interface PendingChange {
  kind: CatalogChangeKind;
  code: string;
  name: string;
  update?: UpdateCatalogResourceInput;
  /** Item names by number, to say which items a system loses. */
  itemNames: Map<number, string>;
  run: () => Promise<unknown>;
}

export function ConfirmChange({
  change,
  onClose,
  onDone,
}: {
  change: PendingChange;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const impact = useQuery({
    queryKey: ['catalogChangeImpact', change.kind, change.code, change.update ?? null],
    queryFn: () =>
      execute(ImpactQuery, {
        code: change.code,
        change: change.kind,
        update: change.update ?? null,
      }),
    // Always computed afresh: grants change while the dialog is closed.
    gcTime: 0,
    staleTime: 0,
    retry: false,
  });
  const mutation = useMutation({ mutationFn: change.run, onSuccess: onDone });
  const grants = impact.data?.catalogChangeImpact.grants ?? [];
  const items = (nos: number[]) => nos.map((no) => `${no} ${change.itemNames.get(no) ?? ''}`.trim()).join('、');
  const title = {
    PUBLISH: t('确认发布资源', 'Publish this resource?'),
    UPDATE: t('确认变更资源', 'Save these changes?'),
    RETIRE: t('确认停用资源', 'Retire this resource?'),
  }[change.kind];
  const okText = {
    PUBLISH: t('发布', 'Publish'),
    UPDATE: t('保存变更', 'Save changes'),
    RETIRE: t('停用', 'Retire'),
  }[change.kind];

  return (
    <Modal
      open
      title={title}
      width={760}
      okText={okText}
      cancelText={t('取消', 'Cancel')}
      okButtonProps={{
        danger: change.kind === 'RETIRE',
        disabled: !impact.isSuccess,
        loading: mutation.isPending,
        'data-testid': 'impact-confirm',
      }}
      onOk={() => mutation.mutate()}
      onCancel={onClose}
    >
      <div data-testid="impact-dialog">
        <Typography.Paragraph>
          {change.code} {change.name}
        </Typography.Paragraph>
        {impact.isPending ? (
          <Spin tip={t('正在核对受影响的授权…', 'Checking the grants this affects…')}>
            <div style={{ height: 48 }} />
          </Spin>
        ) : null}
        {impact.isError ? (
          <ErrorNotice error={impact.error} title={t('无法核对受影响的授权', 'Cannot check the grants this affects')} />
        ) : null}
        {impact.isSuccess && grants.length === 0 ? (
          <Alert
            type="info"
            showIcon
            title={t('此操作不影响任何现有授权。', 'This affects no existing grant.')}
            data-testid="impact-none"
          />
        ) : null}
        {grants.length > 0 ? (
          <>
            <Alert
              type="warning"
              showIcon
              title={t(
                `此操作将影响 ${grants.length} 项现有授权：以下系统将无法再读取所列数据项。`,
                `This affects ${grants.length} existing grant(s): these systems will no longer read the items listed.`,
              )}
            />
            <Table<GrantImpact>
              style={{ marginTop: 12 }}
              size="small"
              rowKey="grantId"
              pagination={false}
              dataSource={grants}
              onRow={() => ({ 'data-testid': 'impact-grant' }) as object}
              columns={[
                {
                  title: t('使用系统', 'Consumer system'),
                  render: (_, g) => (
                    <>
                      {g.consumerSystemName ?? g.consumerSystemCode}
                      <br />
                      <Typography.Text type="secondary">
                        {g.consumerSystemCode}
                        {g.consumerDepartmentName ? ` · ${g.consumerDepartmentName}` : ''}
                      </Typography.Text>
                    </>
                  ),
                },
                {
                  title: t('失去的数据项', 'Items lost'),
                  render: (_, g) => (
                    <>
                      {g.losesAll ? (
                        <Typography.Text strong style={{ color: '#cf1322' }}>
                          {t('全部数据项', 'All items')}
                        </Typography.Text>
                      ) : null}
                      {g.lostItems.length ? <div>{items(g.lostItems)}</div> : null}
                      {g.notSharedItems.length ? (
                        <div>
                          {t(
                            `改为不予共享：${items(g.notSharedItems)}`,
                            `Become not shared: ${items(g.notSharedItems)}`,
                          )}
                        </div>
                      ) : null}
                    </>
                  ),
                },
                {
                  title: t('授权有效期至', 'Grant valid to'),
                  dataIndex: 'validTo',
                  width: 130,
                },
              ]}
            />
          </>
        ) : null}
        {mutation.isError ? (
          <div style={{ marginTop: 12 }}>
            <ErrorNotice error={mutation.error} title={t('操作未完成', 'Not done')} />
            {/* The catalog check names each problem (field, rule): the steward needs them to fix the resource. */}
            {mutation.error instanceof HubError && mutation.error.code === 'CATALOG_UNSOUND' ? (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="error-details">
                {mutation.error.message}
              </Typography.Paragraph>
            ) : null}
          </div>
        ) : null}
      </div>
    </Modal>
  );
}
