/** The API of subscribers: {@link org.splitcast.registry.subscriber.SubscriberService} and its DTOs (implementation: ejb-license). */
package org.splitcast.registry.subscriber;
