import type { KafkaMessage } from 'kafkajs';
import { DeadLetterHeader, toDeadLetterMessage } from './dead-letter';

describe(toDeadLetterMessage.name, () => {
  it('keeps key, value and headers, and adds the source and the error', () => {
    const message = { key: Buffer.from('k'), value: Buffer.from('v'), offset: '42', headers: { a: 'b' } };

    const dead = toDeadLetterMessage(
      message as unknown as KafkaMessage,
      { topic: 'tax.events', partition: 2, groupId: 'tax', attempts: 5 },
      new TypeError('bad amount'),
    );

    expect(dead).toEqual({
      key: message.key,
      value: message.value,
      headers: {
        a: 'b',
        [DeadLetterHeader.Topic]: 'tax.events',
        [DeadLetterHeader.Partition]: '2',
        [DeadLetterHeader.Offset]: '42',
        [DeadLetterHeader.ConsumerGroup]: 'tax',
        [DeadLetterHeader.Attempts]: '5',
        [DeadLetterHeader.Error]: 'TypeError: bad amount',
      },
    });
  });
});
