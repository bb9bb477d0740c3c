// The virtual network of policyStorageNetwork = privateEndpoint (Elastic Premium and Dedicated plans only): a
// subnet the function app integrates with, a subnet for the policy store's private endpoint, and the private DNS
// zone that resolves the account's table endpoint to that endpoint inside the network.

@description('Name of the virtual network.')
param name string

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Address space of the network; the app subnet takes its first /24, the private endpoints the second.')
param addressPrefix string = '10.80.0.0/16'

resource vnet 'Microsoft.Network/virtualNetworks@2025-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressPrefix
      ]
    }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: cidrSubnet(addressPrefix, 24, 0)
          delegations: [
            {
              name: 'web'
              properties: {
                serviceName: 'Microsoft.Web/serverFarms'
              }
            }
          ]
        }
      }
      {
        name: 'private-endpoints'
        properties: {
          addressPrefix: cidrSubnet(addressPrefix, 24, 1)
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }

  resource appSubnet 'subnets' existing = {
    name: 'app'
  }

  resource endpointSubnet 'subnets' existing = {
    name: 'private-endpoints'
  }
}

resource tableDnsZone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.table.${environment().suffixes.storage}'
  location: 'global'
  tags: tags

  resource link 'virtualNetworkLinks' = {
    name: vnet.name
    location: 'global'
    tags: tags
    properties: {
      registrationEnabled: false
      virtualNetwork: {
        id: vnet.id
      }
    }
  }
}

@description('Resource id of the subnet the function app integrates with.')
output appSubnetId string = vnet::appSubnet.id

@description('Resource id of the subnet for private endpoints.')
output privateEndpointSubnetId string = vnet::endpointSubnet.id

@description('Resource id of the private DNS zone of table endpoints.')
output tableDnsZoneId string = tableDnsZone.id
