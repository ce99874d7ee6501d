import type { WidgetProps } from '@rjsf/utils';
import { Cascader, DatePicker, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useUnits } from '../names.ts';
import { usePeople } from '../people.ts';

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** Whether the field holds several (an array) or one. */
const many = (props: WidgetProps) => props.schema.type === 'array';

interface Choice {
  readonly value: string;
  readonly label: string;
  /** What a search matches. */
  readonly title: string;
}

/** One choice, or several when the field is an array; an emptied list is no value. */
function ChoicePicker({ props, choices, loading }: { props: WidgetProps; choices: Choice[]; loading: boolean }) {
  const multiple = many(props);
  return (
    <Select
      id={props.id}
      showSearch
      allowClear
      mode={multiple ? 'multiple' : undefined}
      disabled={props.disabled || props.readonly}
      loading={loading}
      optionFilterProp="title"
      value={multiple ? asList(props.value) : (props.value as string | undefined)}
      onChange={(v: string | string[] | undefined) => props.onChange(Array.isArray(v) && v.length === 0 ? undefined : v)}
      options={choices}
    />
  );
}

/** 人员: people of my units by username, as assignments name them (a committee is a list of them). */
export function MemberPicker(props: WidgetProps) {
  const people = usePeople();
  const choices = people.items.map((u) => ({
    value: u.username,
    title: `${u.displayName} ${u.username}`,
    label: `${u.displayName}（${u.username}）`,
  }));
  return <ChoicePicker props={props} choices={choices} loading={people.loading} />;
}

/** 单位: a unit of my reach by its path, shown by its name. */
export function UnitPicker(props: WidgetProps) {
  const units = useUnits();
  const choices = (units.data?.items ?? []).map((u) => ({ value: u.path, title: u.name, label: u.name }));
  return <ChoicePicker props={props} choices={choices} loading={units.isPending} />;
}

interface Region {
  readonly value: string;
  readonly label: string;
  readonly children?: Region[];
}

const named = (names: readonly string[]): Region[] => names.map((n) => ({ value: n, label: n }));

/**
 * The regions these towns pick from, down to the town (街道); a form may name others in
 * `ui:options.regions` with the same shape. The value is the path joined by '/': 广东省/佛山市/南海区/里水镇.
 */
export const REGIONS: Region[] = [
  {
    value: '广东省',
    label: '广东省',
    children: [
      {
        value: '佛山市',
        label: '佛山市',
        children: [
          { value: '南海区', label: '南海区', children: named(['桂城街道', '九江镇', '西樵镇', '丹灶镇', '狮山镇', '大沥镇', '里水镇']) },
          { value: '禅城区', label: '禅城区', children: named(['祖庙街道', '石湾镇街道', '张槎街道', '南庄镇']) },
          {
            value: '顺德区',
            label: '顺德区',
            children: named(['大良街道', '容桂街道', '伦教街道', '勒流街道', '北滘镇', '陈村镇', '乐从镇', '龙江镇']),
          },
          {
            value: '三水区',
            label: '三水区',
            children: named(['西南街道', '云东海街道', '白坭镇', '乐平镇', '芦苞镇', '大塘镇', '南山镇']),
          },
          { value: '高明区', label: '高明区', children: named(['荷城街道', '杨和镇', '明城镇', '更合镇']) },
        ],
      },
    ],
  },
];

export function RegionPicker(props: WidgetProps) {
  const regions = (props.options.regions as Region[] | undefined) ?? REGIONS;
  const value = typeof props.value === 'string' && props.value !== '' ? props.value.split('/') : undefined;
  return (
    <Cascader
      id={props.id}
      changeOnSelect
      disabled={props.disabled || props.readonly}
      options={regions}
      value={value}
      onChange={(path) => props.onChange(path && path.length > 0 ? path.join('/') : undefined)}
    />
  );
}

/** 起止日期: an array of two dates (YYYY-MM-DD), the first not after the second. */
export function DateRangePicker(props: WidgetProps) {
  const [from, to] = asList(props.value);
  const value: [Dayjs, Dayjs] | null = from && to ? [dayjs(from), dayjs(to)] : null;
  return (
    <DatePicker.RangePicker
      id={props.id}
      style={{ width: '100%' }}
      disabled={props.disabled || props.readonly}
      value={value}
      onChange={(range) => {
        const [a, b] = range ?? [];
        props.onChange(a && b ? [a.format('YYYY-MM-DD'), b.format('YYYY-MM-DD')] : undefined);
      }}
    />
  );
}
