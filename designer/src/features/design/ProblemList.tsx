import { Alert, List, Typography } from 'antd';
import { useT } from '../../i18n/index.tsx';
import type { Modeler } from './modeler.ts';
import { type DeployProblem, focusElement } from './problems.ts';
import { problemText } from './ruleTitles.ts';

interface Named {
  businessObject?: { name?: string };
}

function elementName(modeler: Modeler | undefined, id: string): string {
  const element = modeler?.get<{ get(id: string): Named | undefined }>('elementRegistry').get(id);
  return element?.businessObject?.name || id;
}

/** 校验结果: each problem deploy would refuse with; one naming an element selects it on the diagram. */
export function ProblemList({ problems, modeler }: { problems: readonly DeployProblem[]; modeler: Modeler | undefined }) {
  const t = useT();
  if (problems.length === 0)
    return <Alert style={{ marginTop: 12 }} type="success" showIcon title={t('design.checkPassed')} data-testid="check-passed" />;
  return (
    <List
      style={{ marginTop: 12 }}
      bordered
      size="small"
      header={<Typography.Text type="danger">{t('design.problems', { count: problems.length })}</Typography.Text>}
      dataSource={[...problems]}
      data-testid="problem-list"
      renderItem={(p) => {
        const where = p.elementId ? elementName(modeler, p.elementId) : p.form ? `${p.form}${p.path ?? ''}` : undefined;
        return (
          <List.Item
            onClick={p.elementId && modeler ? () => focusElement(modeler, p.elementId as string) : undefined}
            style={p.elementId ? { cursor: 'pointer' } : undefined}
            data-testid="problem"
          >
            <Typography.Text>
              {where ? (
                <Typography.Text strong translate="no">
                  {where}：
                </Typography.Text>
              ) : null}
              {problemText(t, p)}
            </Typography.Text>
          </List.Item>
        );
      }}
    />
  );
}
