# S001-svc: a Service name resolves to its virtual IP, a headless one to the pod IPs; both reach the pods
# zh: Service 名称解析为虚拟 IP，无头服务解析为各 Pod 的 IP；两者都能访问到 Pod
# The seed explains Service VIPs, DNS and headless Services in prose; hello-app answers with the pod's hostname.
kubectl create deployment hello --image=gcr.io/google-samples/hello-app:1.0 --replicas=3
kubectl expose deployment hello --port=80 --target-port=8080
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Service
metadata:
  name: hello-headless
spec:
  clusterIP: None
  selector:
    app: hello
  ports:
  - port: 8080
EOF
kubectl run client --image=busybox:1.28 -- sleep 3600
sleep 15
kubectl get svc hello hello-headless
kubectl get svc hello -o jsonpath='{.spec.clusterIP}'
kubectl get pods -l app=hello -o jsonpath='{.items[*].status.podIP}'
kubectl get pods -l app=hello -o jsonpath='{.items[*].metadata.name}'
kubectl exec client -- nslookup hello
kubectl exec client -- nslookup hello-headless
kubectl exec client -- wget -qO- http://hello
# The VIP from the node itself: kube-proxy's rules answer there too.
curl -s $(kubectl get svc hello -o jsonpath='{.spec.clusterIP}')
