import { Module } from '@nestjs/common';
import { AssessmentPages } from './assessment.page';
import { GrantPages } from './grant.page';
import { MakerSpacePages } from './maker-space.page';
import { PublicNoticePages } from './public-notices.page';
import { ScienceHubPage } from './science-hub.page';
import { ScienceRecordPage } from './science-record.page';
import { VoucherPages } from './voucher.page';

/** The science commission's pages (认定, 资金支持, 公示, 上网公示, 追回, 信用记录, 创新券, 年度考核); they use the API over HTTP. */
@Module({
  controllers: [
    ScienceHubPage,
    MakerSpacePages,
    GrantPages,
    PublicNoticePages,
    ScienceRecordPage,
    VoucherPages,
    AssessmentPages,
  ],
})
export class SciencePagesModule {}
