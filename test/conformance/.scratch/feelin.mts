import { evaluate } from 'feelin';
for (const e of ['sum = null', 'if sum = null then 1 else sum + 1', 'count = null', 'total = null'])
  console.log(e, JSON.stringify(evaluate(e, {})));
