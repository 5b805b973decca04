"""The documented taxonomy of AI-safety finding types, mapped to Bugcrowd's VRT (AI Application
Security and Algorithmic Biases) and the OWASP Top 10 for LLM Applications (2025) where they exist,
and to an AVID risk domain for cross-lab export."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

Category = Literal[
    "jailbreak",
    "prompt-injection",
    "dangerous-capability",
    "system-prompt-leakage",
    "data-leakage",
    "privacy",
    "harmful-content",
    "misinformation",
    "bias",
    "agent-misbehaviour",
    "output-handling",
    "data-poisoning",
    "model-extraction",
    "adversarial-input",
    "unbounded-consumption",
    "embedding-weakness",
    "supply-chain",
    "other",
]


@dataclass(frozen=True)
class CategoryInfo:
    label: str
    description: str
    vrt: str | None
    owasp_llm: str | None
    avid_domain: Literal["Security", "Ethics", "Performance"]


TAXONOMY: dict[str, CategoryInfo] = {
    "jailbreak": CategoryInfo(
        "Jailbreak",
        "Bypassing the model's safety training or policies to obtain disallowed behaviour.",
        "ai_application_security.prompt_injection",
        "LLM01:2025 Prompt Injection",
        "Security",
    ),
    "prompt-injection": CategoryInfo(
        "Prompt injection",
        "Instructions hidden in data (documents, web pages, tool output) that hijack the model.",
        "ai_application_security.llm_security.prompt_injection",
        "LLM01:2025 Prompt Injection",
        "Security",
    ),
    "dangerous-capability": CategoryInfo(
        "Dangerous capability over an eval threshold",
        "A demonstrated capability (e.g. CBRN uplift, cyber-offence, autonomy) that crosses a "
        "threshold set by the program's evaluations.",
        "ai_application_security.ai_safety",
        None,
        "Security",
    ),
    "system-prompt-leakage": CategoryInfo(
        "System-prompt leakage",
        "Extracting confidential system prompts or hidden instructions.",
        "ai_application_security.prompt_injection.system_prompt_leakage",
        "LLM07:2025 System Prompt Leakage",
        "Security",
    ),
    "data-leakage": CategoryInfo(
        "Training-data or sensitive-data leakage",
        "Recovering memorised training data, secrets or other confidential data.",
        "ai_application_security.sensitive_information_disclosure",
        "LLM02:2025 Sensitive Information Disclosure",
        "Security",
    ),
    "privacy": CategoryInfo(
        "Privacy",
        "Exposure or inference of personal data, including across users or tenants.",
        "ai_application_security.sensitive_information_disclosure.cross_tenant_pii_leakage_exposure",
        "LLM02:2025 Sensitive Information Disclosure",
        "Ethics",
    ),
    "harmful-content": CategoryInfo(
        "Harmful content",
        "Generation of content the system's policy forbids, without a jailbreak technique.",
        "ai_application_security.ai_safety",
        None,
        "Ethics",
    ),
    "misinformation": CategoryInfo(
        "Misinformation",
        "Confident, consequential false statements (e.g. fabricated citations, wrong dosages).",
        "ai_application_security.ai_safety.misinformation_wrong_factual_data",
        "LLM09:2025 Misinformation",
        "Performance",
    ),
    "bias": CategoryInfo(
        "Bias",
        "Systematically unfair outcomes for groups of people.",
        "algorithmic_biases",
        None,
        "Ethics",
    ),
    "agent-misbehaviour": CategoryInfo(
        "Agent misbehaviour",
        "An agent taking harmful, unauthorised or out-of-scope actions with its tools.",
        "ai_application_security.llm_security.excessive_agency_permission_manipulation",
        "LLM06:2025 Excessive Agency",
        "Security",
    ),
    "output-handling": CategoryInfo(
        "Improper output handling",
        "Model output that reaches an interpreter, browser or shell unsanitised (XSS, SQLi, RCE).",
        "ai_application_security.improper_output_handling",
        "LLM05:2025 Improper Output Handling",
        "Security",
    ),
    "data-poisoning": CategoryInfo(
        "Data or model poisoning",
        "Manipulating training, fine-tuning or retrieval data to implant behaviour.",
        "ai_application_security.training_data_poisoning",
        "LLM04:2025 Data and Model Poisoning",
        "Security",
    ),
    "model-extraction": CategoryInfo(
        "Model extraction",
        "Reconstructing model weights or behaviour through queries.",
        "ai_application_security.model_extraction",
        None,
        "Security",
    ),
    "adversarial-input": CategoryInfo(
        "Adversarial input",
        "Crafted inputs (images, audio, text perturbations) that cause misclassification.",
        "ai_application_security.adversarial_example_injection",
        None,
        "Performance",
    ),
    "unbounded-consumption": CategoryInfo(
        "Unbounded consumption",
        "Inputs that exhaust compute, tokens or money (denial of service, denial of wallet).",
        "ai_application_security.denial_of_service_dos",
        "LLM10:2025 Unbounded Consumption",
        "Security",
    ),
    "embedding-weakness": CategoryInfo(
        "Vector and embedding weakness",
        "Attacks on retrieval stores and embeddings (inversion, cross-context retrieval).",
        "ai_application_security.vector_and_embedding_weaknesses",
        "LLM08:2025 Vector and Embedding Weaknesses",
        "Security",
    ),
    "supply-chain": CategoryInfo(
        "Supply chain",
        "Compromised models, datasets, adapters or dependencies.",
        None,
        "LLM03:2025 Supply Chain",
        "Security",
    ),
    "other": CategoryInfo(
        "Other",
        "Anything in scope that fits no other category; say why in the write-up.",
        None,
        None,
        "Security",
    ),
}

CATEGORIES: tuple[str, ...] = get_args(Category)
assert set(CATEGORIES) == set(TAXONOMY), "every category needs taxonomy information"
