"""The policy self-check (政策体检): steps, known answers, judgement, result, chat flow."""
