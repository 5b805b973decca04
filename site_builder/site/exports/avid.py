"""Export of published findings in the AVID report shape (AI Vulnerability Database), so other
labs and vulnerability databases can import them. The models mirror avidtools' `Report`
datamodel (data_type, metadata, affects, problemtype, references, description, impact with the
AVID taxonomy, credit, reported_date); the mapping from our taxonomy is in `SEP_VIEW` and
documented in docs/leaderboards.md."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from ...content.entries import Content, FindingEntry
from ...content.redaction import public_summary
from ...content.taxonomy import TAXONOMY

TAXONOMY_VERSION = "0.2"
SEP_VIEW: dict[str, list[str]] = {
    "jailbreak": ["S0400: Model Bypass"],
    "prompt-injection": ["S0400: Model Bypass", "S0100: Software Vulnerability"],
    "dangerous-capability": ["P0400: Safety"],
    "system-prompt-leakage": ["S0301: Information Leak"],
    "data-leakage": ["S0301: Information Leak", "S0500: Exfiltration"],
    "privacy": ["P0300: Privacy", "S0301: Information Leak"],
    "harmful-content": ["E0301: Toxicity"],
    "misinformation": ["E0402: Generative Misinformation"],
    "bias": ["E0100: Bias/ Discrimination"],
    "agent-misbehaviour": ["S0300: Over-permissive API", "P0400: Safety"],
    "output-handling": ["S0100: Software Vulnerability"],
    "data-poisoning": ["S0600: Data Poisoning"],
    "model-extraction": ["S0502: Model theft"],
    "adversarial-input": ["S0403: Adversarial Example"],
    "unbounded-consumption": ["S0302: Excessive Queries"],
    "embedding-weakness": ["S0501: Model inversion"],
    "supply-chain": ["S0200: Supply Chain Compromise"],
    "other": ["P0200: Model issues"],
}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LangValue(_Model):
    lang: str
    value: str


class Artifact(_Model):
    type: Literal["Dataset", "Model", "System"]
    name: str


class Affects(_Model):
    developer: list[str]
    deployer: list[str]
    artifacts: list[Artifact]


class Problemtype(_Model):
    classof: Literal[
        "AIID Incident", "ATLAS Case Study", "CVE Entry", "LLM Evaluation", "Undefined"
    ]
    type: Literal["Issue", "Advisory", "Measurement", "Detection"] | None
    description: LangValue


class Reference(_Model):
    type: str | None
    label: str
    url: str


class AvidTaxonomy(_Model):
    risk_domain: list[Literal["Security", "Ethics", "Performance"]]
    sep_view: list[str]
    lifecycle_view: list[str]
    taxonomy_version: str


class Impact(_Model):
    avid: AvidTaxonomy


class ReportMetadata(_Model):
    report_id: str


class AvidReport(_Model):
    data_type: Literal["AVID"] = "AVID"
    data_version: str = TAXONOMY_VERSION
    metadata: ReportMetadata
    affects: Affects
    problemtype: Problemtype
    metrics: list[dict[str, object]] = []
    references: list[Reference]
    description: LangValue
    impact: Impact
    credit: list[LangValue]
    reported_date: str


def avid_report(
    entry: FindingEntry, content: Content, url: str, credit_labels: list[str]
) -> AvidReport:
    finding = entry.finding
    program = content.programs[entry.program_slug].program
    kind = "System" if program.deployment_stage == "post-deployment" else "Model"
    artifacts = [Artifact(type=kind, name=f"{a.name} {a.version}") for a in finding.affected] or [
        Artifact(type=kind, name=t.name) for t in program.targets
    ]
    info = TAXONOMY[finding.category]
    return AvidReport(
        metadata=ReportMetadata(report_id=finding.id),
        affects=Affects(
            developer=[program.organizer.name],
            deployer=[program.organizer.name],
            artifacts=artifacts,
        ),
        problemtype=Problemtype(
            classof="LLM Evaluation",
            type="Issue",
            description=LangValue(lang="eng", value=finding.title),
        ),
        references=[Reference(type="source", label=finding.title, url=url)],
        description=LangValue(
            lang="eng", value=public_summary(entry.source.body, 1000) or finding.title
        ),
        impact=Impact(
            avid=AvidTaxonomy(
                risk_domain=[info.avid_domain],
                sep_view=SEP_VIEW[finding.category],
                lifecycle_view=["L06: Deployment" if kind == "System" else "L05: Evaluation"],
                taxonomy_version=TAXONOMY_VERSION,
            )
        ),
        credit=[LangValue(lang="eng", value=label) for label in credit_labels],
        reported_date=finding.submitted.isoformat(),
    )
