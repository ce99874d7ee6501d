/**
 * The procedure the races part fights over: two steps offered to 鹤峰村's approvers (a group
 * task each, so several people may claim or complete it), started by the village's clerk.
 */
import { flow, processXml } from '@shanzhi/engine/testing';

export const RACE_PROCESS = 'reliability_races';
export const STARTER = 'hefeng-banshi';
/** Approvers who reach 鹤峰村: its secretary and committee member, and 里水镇's approver above it. */
export const APPROVERS = ['hefeng-shuji', 'hefeng-liangwei', 'lishui-shenpi'] as const;
/** 鹤峰村's admin: may cancel its instances (instance:cancel). */
export const VILLAGE_ADMIN = 'hefeng-guanli';
export const TOWN_ADMIN = 'lishui-guanli';
export const AUDITOR = 'nanhai-shenji';
export const UNIT = '/nanhai/lishui/hefeng/';
export const TOWN = '/nanhai/lishui/';

const approverTask = (id: string, name: string) =>
  `<userTask id="${id}" name="${name}"><extensionElements><sz:assignment candidateGroups="approver"/></extensionElements></userTask>`;

export const RACE_XML = processXml(
  RACE_PROCESS,
  `<startEvent id="start"/>${approverTask('first', '初审')}${approverTask('second', '复审')}<endEvent id="end"/>
   ${flow('start', 'first', 'second', 'end')}`,
);
