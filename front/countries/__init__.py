"""Countries and regions: the countries index with its world map, a country's page
with its charts, and the pages of an M49 region and of a country group."""
