// Drafting a resource, or changing a draft or published one, as the provider department's steward.
// A new resource is saved as a draft at once (no grant can rest on it yet); a change is sent only
// after the steward has seen what it does to existing grants (ConfirmChange), with the version the
// steward edited, so a change on top of someone else's is refused (VERSION_CONFLICT).
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Divider, Drawer, Form, Input, InputNumber, Select, Space, Typography, message } from 'antd';
import { useState } from 'react';
import { execute } from '../../api';
import { useDepartments } from '../../departments';
import { ErrorNotice } from '../../ErrorNotice';
import type {
  CatalogResourceDetailQuery,
  CatalogResourceInput,
  DataItemInput,
  UpdateCatalogResourceInput,
} from '../../gql/graphql';
import { useT } from '../../i18n';
import { useSession } from '../../session';
import { ConfirmChange, type PendingChange } from './ConfirmChange';
import {
  DATA_CLASS,
  DATA_ITEM_TYPE,
  FORMAT,
  MASKING,
  OPEN_ATTRIBUTE,
  SENSITIVITY,
  SHARING_METHOD,
  SHARING_TYPE,
  UPDATE_CYCLE,
  optionsOf,
} from './labels';
import { CreateCatalogResource, UpdateCatalogResource } from './operations';

type Resource = NonNullable<CatalogResourceDetailQuery['catalogResource']>;

/** The form's values: the resource's own properties and its items as the form edits them. */
type FormValues = Omit<CatalogResourceInput, 'items' | 'relatedCodes'> & {
  items: Array<Pick<DataItemInput, 'no' | 'name' | 'dataType' | 'fields' | 'sensitivity' | 'masking' | 'dataClass'>>;
};

const SCALARS = [
  'name',
  'summary',
  'format',
  'sharingType',
  'sharingConditions',
  'sharingMethod',
  'openAttribute',
  'updateCycle',
] as const;

/** An item as updateCatalogResource takes it: what the form edits, the rest (arguments, exemption, description) kept. */
function itemInput(edited: FormValues['items'][number], before: Resource['items'][number] | undefined): DataItemInput {
  return {
    no: edited.no,
    name: edited.name,
    dataType: edited.dataType,
    fields: edited.fields,
    sensitivity: edited.sensitivity,
    masking: edited.masking ?? null,
    dataClass: edited.dataClass,
    arguments: before?.arguments ?? [],
    maskUnless: before?.maskUnless ? { field: before.maskUnless.field, values: before.maskUnless.values } : null,
    ...(before?.description ? { description: before.description } : {}),
  };
}

export function CatalogEditor({
  resource,
  onClose,
  onSaved,
}: {
  resource?: Resource;
  onClose: () => void;
  onSaved: (code: string) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<FormValues>();
  const principal = useSession().data?.principal;
  const [pending, setPending] = useState<PendingChange>();
  const [notice, notices] = message.useMessage();
  const ownDepartment = principal?.departmentUscc ?? null;
  const departments = useDepartments();
  const create = useMutation({
    mutationFn: (input: CatalogResourceInput) => execute(CreateCatalogResource, { input }),
    onSuccess: (data) => onSaved(data.createCatalogResource.code),
  });

  const initial: Partial<FormValues> = resource
    ? {
        ...Object.fromEntries(SCALARS.map((k) => [k, resource[k] ?? undefined])),
        code: resource.code,
        providerUscc: resource.providerUscc,
        items: resource.items.map((i) => ({
          no: i.no,
          name: i.name,
          dataType: i.dataType,
          fields: i.fields,
          sensitivity: i.sensitivity,
          masking: i.masking,
          dataClass: i.dataClass as DataItemInput['dataClass'],
        })),
      }
    : {
        providerUscc: ownDepartment ?? undefined,
        format: 'DATABASE',
        sharingType: 'CONDITIONAL',
        sharingMethod: 'API',
        openAttribute: 'NOT_OPEN',
        updateCycle: 'REAL_TIME',
        items: [{ no: 1 } as FormValues['items'][number]],
      };

  const submit = (values: FormValues) => {
    if (!resource) {
      create.mutate({
        ...values,
        sharingConditions: values.sharingConditions || null,
        items: values.items.map((i) => itemInput(i, undefined)),
      });
      return;
    }
    // Only what changed is sent: absent properties stay as they are.
    const update: UpdateCatalogResourceInput = {
      code: resource.code,
      expectedVersion: resource.version,
    };
    let changed = false;
    for (const key of SCALARS) {
      const value = values[key] ?? null;
      if (value !== (resource[key] ?? null) && !(key === 'sharingConditions' && !value && !resource[key])) {
        (update as Record<string, unknown>)[key] = value ?? '';
        changed = true;
      }
    }
    const before = new Map(resource.items.map((i) => [i.no, i]));
    const items = values.items.map((i) => itemInput(i, before.get(i.no)));
    const was = resource.items.map((i) => itemInput({ ...i, dataClass: i.dataClass ?? 'OTHER' }, i));
    if (JSON.stringify(items) !== JSON.stringify(was)) {
      update.items = items;
      changed = true;
    }
    if (!changed) {
      void notice.info(t('没有改动需要保存。', 'Nothing has changed.'));
      return;
    }
    setPending({
      kind: 'UPDATE',
      code: resource.code,
      name: resource.name,
      update,
      itemNames: new Map(resource.items.map((i) => [i.no, i.name])),
      run: () => execute(UpdateCatalogResource, { input: update }),
    });
  };

  const required = { required: true, message: t('必填', 'Required') };
  return (
    <Drawer
      open
      size={820}
      title={
        resource
          ? t(
              `编辑资源 ${resource.code}（版本 ${resource.version}）`,
              `Edit resource ${resource.code} (version ${resource.version})`,
            )
          : t('新建资源草稿', 'Draft a new resource')
      }
      onClose={onClose}
      closable={{ 'aria-label': t('关闭', 'Close') }}
      extra={
        <Space>
          <Button onClick={onClose}>{t('取消', 'Cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="catalog-save">
            {resource ? t('保存…', 'Save…') : t('保存草稿', 'Save draft')}
          </Button>
        </Space>
      }
    >
      {notices}
      <div data-testid="catalog-edit">
        {create.isError ? (
          <ErrorNotice error={create.error} title={t('草稿未保存', 'The draft was not saved')} />
        ) : null}
        <Form<FormValues> form={form} layout="vertical" initialValues={initial} onFinish={submit} requiredMark={false}>
          <Space wrap align="start">
            <Form.Item
              name="code"
              label={t('资源代码', 'Resource code')}
              rules={[
                required,
                {
                  // The guide's shape (类 1 + 项 2 + 目 3 + 细目, "/", 顺序码); the hub names the segment at fault.
                  pattern: /^\d{6,18}\/\d{1,12}$/,
                  message: t(
                    '前段码（类1位+项2位+目3位+细目）/顺序码，如 101001001/000009',
                    'Classification (类 1 + 项 2 + 目 3 + 细目 digits), "/", sequence, e.g. 101001001/000009',
                  ),
                },
              ]}
            >
              <Input disabled={!!resource} style={{ width: 200 }} data-testid="form-code" />
            </Form.Item>
            <Form.Item name="providerUscc" label={t('提供方', 'Provider')} rules={[required]}>
              {resource || ownDepartment !== null ? (
                <Select
                  disabled
                  style={{ width: 260 }}
                  options={[
                    {
                      value: resource?.providerUscc ?? ownDepartment ?? '',
                      label: resource?.providerName ?? t('本部门', 'My department'),
                    },
                  ]}
                />
              ) : (
                <Select
                  style={{ width: 260 }}
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={departments.isPending}
                  options={departments.data?.departments.map((d) => ({
                    value: d.uscc,
                    label: d.name,
                  }))}
                />
              )}
            </Form.Item>
          </Space>
          <Form.Item name="name" label={t('资源名称', 'Name')} rules={[required]}>
            <Input maxLength={200} data-testid="form-name" />
          </Form.Item>
          <Form.Item name="summary" label={t('摘要', 'Summary')} rules={[required]}>
            <Input.TextArea rows={2} maxLength={2000} data-testid="form-summary" />
          </Form.Item>
          <Space wrap align="start">
            <Form.Item name="format" label={t('资源格式', 'Format')} rules={[required]}>
              <Select style={{ width: 160 }} options={optionsOf(FORMAT, t)} />
            </Form.Item>
            <Form.Item name="sharingType" label={t('共享类型', 'Sharing type')} rules={[required]}>
              <Select style={{ width: 160 }} options={optionsOf(SHARING_TYPE, t)} data-testid="form-sharing-type" />
            </Form.Item>
            <Form.Item name="sharingMethod" label={t('共享方式', 'Sharing method')} rules={[required]}>
              <Select style={{ width: 120 }} options={optionsOf(SHARING_METHOD, t)} />
            </Form.Item>
            <Form.Item name="openAttribute" label={t('开放属性', 'Open to the public')} rules={[required]}>
              <Select style={{ width: 160 }} options={optionsOf(OPEN_ATTRIBUTE, t)} />
            </Form.Item>
            <Form.Item name="updateCycle" label={t('更新周期', 'Update cycle')} rules={[required]}>
              <Select style={{ width: 120 }} options={optionsOf(UPDATE_CYCLE, t)} />
            </Form.Item>
          </Space>
          <Form.Item
            name="sharingConditions"
            label={t(
              '共享条件（有条件共享时申请方须说明的内容，或不予共享的理由）',
              'Sharing conditions (what an applicant must show, or why it is not shared)',
            )}
          >
            <Input.TextArea rows={2} maxLength={2000} data-testid="form-sharing-conditions" />
          </Form.Item>
          <Divider titlePlacement="start">{t('数据项', 'Data items')}</Divider>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {fields.map(({ key, name }) => (
                  <Card
                    key={key}
                    size="small"
                    data-testid="form-item"
                    title={<Typography.Text>{t(`数据项 ${name + 1}`, `Item ${name + 1}`)}</Typography.Text>}
                    extra={
                      fields.length > 1 ? (
                        <Button type="link" danger onClick={() => remove(name)} data-testid="form-item-remove">
                          {t('删除此项', 'Remove')}
                        </Button>
                      ) : null
                    }
                  >
                    <Space wrap align="start">
                      <Form.Item name={[name, 'no']} label={t('序号', 'No.')} rules={[required]}>
                        <InputNumber min={1} max={9999} style={{ width: 80 }} />
                      </Form.Item>
                      <Form.Item name={[name, 'name']} label={t('名称', 'Name')} rules={[required]}>
                        <Input style={{ width: 180 }} maxLength={200} data-testid="form-item-name" />
                      </Form.Item>
                      <Form.Item name={[name, 'dataType']} label={t('数据类型', 'Data type')} rules={[required]}>
                        <Select
                          style={{ width: 120 }}
                          options={optionsOf(DATA_ITEM_TYPE, t)}
                          data-testid="form-item-type"
                        />
                      </Form.Item>
                      <Form.Item name={[name, 'sensitivity']} label={t('敏感程度', 'Sensitivity')} rules={[required]}>
                        <Select
                          style={{ width: 150 }}
                          options={optionsOf(SENSITIVITY, t)}
                          data-testid="form-item-sensitivity"
                        />
                      </Form.Item>
                      <Form.Item name={[name, 'dataClass']} label={t('数据分类', 'Data class')} rules={[required]}>
                        <Select
                          style={{ width: 170 }}
                          showSearch={{ optionFilterProp: 'label' }}
                          options={optionsOf(DATA_CLASS, t)}
                          data-testid="form-item-class"
                        />
                      </Form.Item>
                      <Form.Item name={[name, 'masking']} label={t('脱敏规则', 'Masking rule')}>
                        <Select
                          style={{ width: 220 }}
                          allowClear
                          placeholder={t('不脱敏', 'No masking')}
                          options={optionsOf(MASKING, t)}
                        />
                      </Form.Item>
                    </Space>
                    <Form.Item
                      name={[name, 'fields']}
                      label={t('对应字段（Type.field，回车确认）', 'Fields it governs (Type.field, Enter to add)')}
                      rules={[required]}
                    >
                      <Select
                        mode="tags"
                        tokenSeparators={[',', ' ']}
                        open={false}
                        suffixIcon={null}
                        data-testid="form-item-fields"
                      />
                    </Form.Item>
                  </Card>
                ))}
                <Button
                  onClick={() =>
                    add({
                      no:
                        Math.max(0, ...(form.getFieldValue('items') as FormValues['items']).map((i) => i?.no ?? 0)) + 1,
                    })
                  }
                  data-testid="form-item-add"
                >
                  {t('添加数据项', 'Add an item')}
                </Button>
              </Space>
            )}
          </Form.List>
        </Form>
      </div>
      {pending ? (
        <ConfirmChange
          change={pending}
          onClose={() => setPending(undefined)}
          onDone={() => {
            setPending(undefined);
            onSaved(pending.code);
          }}
        />
      ) : null}
    </Drawer>
  );
}
