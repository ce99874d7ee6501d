import { evaluate, FeelFunction } from 'feelin';
const tryE = (label, f) => { try { console.log(label, f()); } catch (e) { console.log(label, 'THROW', e.constructor.name, e.message); } };
tryE('multiword param', () => evaluate('function(a b, c) a b + c', {}).value.invoke([1, 2]));
tryE('ctx literal', () => evaluate('function(__sz, x) {"is defined": __sz.f0, __sz_r: (is defined(x))}.__sz_r', {'is defined': null}).value.invoke([{f0: new FeelFunction((v) => v != null, ['value'])}, 1]));
tryE('path call', () => evaluate('function(__sz, x) __sz.each(x, 3)', {}).value.invoke([{each: new FeelFunction((v, p) => [v, p], ['value', 'pos'])}, 1]));
tryE('chinese var', () => evaluate('金额 > 100', {金额: 200}).value);
tryE('weird key', () => evaluate('function(a-b) a-b', {}).value?.invoke?.([1]));
