# S004-lb: Service `eureka` of type LoadBalancer gets a node port at once and an external address soon after
# zh: LoadBalancer 类型的 Service `eureka` 立即获得节点端口，稍后获得外部地址
# The seed's namespace pg-allen-ali (its comment asks each reader to use their own) has to exist first.
kubectl create namespace pg-allen-ali
cat > eureka-svc.yaml <<EOF
apiVersion: v1
kind: Service
metadata:
  annotations:
    service.beta.kubernetes.io/alicloud-loadbalancer-address-type: intranet
  labels:
    app: eureka
  name: eureka
  namespace: pg-allen-ali   #【改成各自Service】
spec:
  externalTrafficPolicy: Cluster
  ports:
  - port: 8761
    protocol: TCP
    targetPort: 8761
  selector:
    app: eureka
  sessionAffinity: None
  type: LoadBalancer
EOF
kubectl apply -f eureka-svc.yaml
kubectl get svc eureka -n pg-allen-ali
# 稍等片刻: the seed's cloud (Alibaba Cloud) provisions the load balancer; the playground simulates one.
sleep 15
kubectl get svc eureka -n pg-allen-ali
kubectl get svc eureka -n pg-allen-ali -o jsonpath='{.status.loadBalancer.ingress[0].ip}'
