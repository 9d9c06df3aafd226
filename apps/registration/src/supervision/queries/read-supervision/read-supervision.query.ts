export class ReadSupervision {
  constructor(readonly creditCode: string) {}
}
