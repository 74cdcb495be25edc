// WFDomain
