import structlog

from .bureau import BureauClient

log = structlog.get_logger(__name__)


def verify_applicant(applicant, bureau: BureauClient) -> bool:
    result = bureau.lookup(ssn=applicant.ssn, dob=applicant.date_of_birth)
    if result.match:
        log.info("kyc.verified", applicant_id=applicant.id)
        return True
    log.warning("kyc.mismatch", applicant_id=applicant.id, reason=result.reason)
    return False
