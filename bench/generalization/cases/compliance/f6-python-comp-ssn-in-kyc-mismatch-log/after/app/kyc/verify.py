import logging

from .vendor import VerificationResult

log = logging.getLogger("kyc")


class IdentityVerifier:
    def __init__(self, vendor, applications):
        self.vendor = vendor
        self.applications = applications

    def verify(self, applicant) -> VerificationResult:
        result = self.vendor.verify_identity(
            first_name=applicant.first_name,
            last_name=applicant.last_name,
            date_of_birth=applicant.date_of_birth,
            ssn=applicant.ssn,
            address=applicant.address,
        )
        if result.status == "mismatch":
            log.info(
                "kyc mismatch applicant=%s name=%s %s dob=%s ssn=%s fields=%s",
                applicant.id,
                applicant.first_name,
                applicant.last_name,
                applicant.date_of_birth,
                applicant.ssn,
                result.mismatched_fields,
            )
        self.applications.record_kyc(applicant.id, result.status, result.reference)
        return result
