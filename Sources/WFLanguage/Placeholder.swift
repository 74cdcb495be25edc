// WFLanguage
